import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import 'os-widgets/order-status'; // defines <os-order-status>
import 'os-widgets/venue-queue'; // defines <os-venue-queue>
import type { OsOrderUpdateEvent } from 'os-widgets';

const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-root',
  // Angular's documented way to use custom elements: lets the template use <os-*> tags and bind their properties.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>os-widgets in Angular</h1>
    <p>
      Last stage: <output id="last-stage">{{ lastStage() }}</output> · updates:
      <output id="update-count">{{ updateCount() }}</output>
    </p>
    <button id="unmount" type="button" [disabled]="!mounted()" (click)="mounted.set(false)">Unmount widgets</button>
    @if (mounted()) {
      <os-order-status [orderId]="orderId()" (os-order-update)="onUpdate($event)"></os-order-status>
      <os-venue-queue [venue]="venue()"></os-venue-queue>
    }
  `
})
export class App {
  protected readonly orderId = signal(params.get('order') ?? '');
  protected readonly venue = signal(params.get('venue') ?? 'v1');
  protected readonly mounted = signal(true);
  protected readonly lastStage = signal('');
  protected readonly updateCount = signal(0);

  protected onUpdate(event: OsOrderUpdateEvent): void {
    this.lastStage.set(event.detail.stage);
    this.updateCount.update(count => count + 1);
  }
}
