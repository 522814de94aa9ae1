import { createApp } from 'vue';
import { configure, passwordGrantSource } from 'os-widgets/connection';
import 'os-widgets/order-status'; // defines <os-order-status>
import 'os-widgets/venue-queue'; // defines <os-venue-queue>
import 'os-widgets/vue'; // types only: adds the <os-*> elements to Vue's GlobalComponents for vue-tsc
import App from './App.vue';

const apiUrl = new URLSearchParams(location.search).get('api') ?? location.origin;
configure({
  apiUrl,
  tenant: 'demo',
  token: passwordGrantSource({ apiUrl, tenant: 'demo', username: 'guest', password: 'guest' })
});

createApp(App).mount('#app');
