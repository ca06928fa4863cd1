import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './bridge';
import { channelsFromArgv } from './protocol';

// The only thing the page gets. The allowed channels come from main (see protocol.ts for why not an import).
contextBridge.exposeInMainWorld('api', createApi(ipcRenderer, channelsFromArgv(process.argv)));
