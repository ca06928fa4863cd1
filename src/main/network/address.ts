export { defaultPort } from '../../host/discovery/service';
// One reading of an address for discovery, the first start and the transport (host/discovery/typed.ts).
export { serverUrl } from '../../host/discovery/typed';

export interface ServerAddress {
  host: string;
  port: number;
}
