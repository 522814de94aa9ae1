import { bootstrapApplication } from '@angular/platform-browser';
import { provideBrowserGlobalErrorListeners } from '@angular/core';
import { configure, passwordGrantSource } from 'os-widgets/connection';
import { App } from './app/app';

const apiUrl = new URLSearchParams(location.search).get('api') ?? location.origin;
configure({
  apiUrl,
  tenant: 'demo',
  token: passwordGrantSource({ apiUrl, tenant: 'demo', username: 'guest', password: 'guest' })
});

bootstrapApplication(App, { providers: [provideBrowserGlobalErrorListeners()] }).catch(error => console.error(error));
