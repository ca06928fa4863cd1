export { advertise, type Advertised, type AdvertiseOptions } from './advertise';
export { advertiseHost } from './host';
export { browseSchools, watchSchools, type FoundSchool, type SchoolWatch } from './browse';
export { resolveTyped, type TypedAddress } from './typed';
export { defaultPort, serviceType } from './service';
