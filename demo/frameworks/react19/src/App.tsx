import { useState } from 'react'
// Defines <os-order-status> and <os-venue-queue>.
import 'os-widgets/order-status'
import 'os-widgets/venue-queue'
// Types the plain tags in React 19 JSX (props, attributes and `onos-*` event props); no code at run time.
import 'os-widgets/react-jsx'

export default function App({ initialOrderId, initialVenue }: { initialOrderId: string; initialVenue: string }) {
  const [orderId] = useState(initialOrderId)
  const [venue] = useState(initialVenue)
  const [lastStage, setLastStage] = useState('')
  const [updateCount, setUpdateCount] = useState(0)
  const [mounted, setMounted] = useState(true)

  return (
    <main>
      <h1>os-widgets in React 19</h1>
      <p>
        Last stage: <output id="last-stage">{lastStage}</output>, updates: <output id="update-count">{updateCount}</output>
      </p>
      <button id="unmount" type="button" disabled={!mounted} onClick={() => setMounted(false)}>
        Remove the widgets
      </button>
      {mounted && (
        <>
          {/* React 19 sets orderId / venue as properties and passes onos-order-update to addEventListener. */}
          <os-order-status
            orderId={orderId}
            onos-order-update={(event) => {
              setLastStage(event.detail.stage)
              setUpdateCount((count) => count + 1)
            }}
          />
          <os-venue-queue venue={venue} />
        </>
      )}
    </main>
  )
}
