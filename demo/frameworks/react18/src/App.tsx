import { useState } from 'react'
// React components for the elements (made with @lit/react); importing them also defines the elements.
import { OsOrderStatus, OsVenueQueue } from 'os-widgets/react'

export default function App({ initialOrderId, initialVenue }: { initialOrderId: string; initialVenue: string }) {
  const [orderId] = useState(initialOrderId)
  const [venue] = useState(initialVenue)
  const [lastStage, setLastStage] = useState('')
  const [updateCount, setUpdateCount] = useState(0)
  const [mounted, setMounted] = useState(true)

  return (
    <main>
      <h1>os-widgets in React 18</h1>
      <p>
        Last stage: <output id="last-stage">{lastStage}</output>, updates: <output id="update-count">{updateCount}</output>
      </p>
      <button id="unmount" type="button" disabled={!mounted} onClick={() => setMounted(false)}>
        Remove the widgets
      </button>
      {mounted && (
        <>
          {/* React 18 ignores event props on plain custom elements; the wrapper sets orderId as a property and
              adds onOrderUpdate as the os-order-update listener. */}
          <OsOrderStatus
            orderId={orderId}
            onOrderUpdate={(event) => {
              setLastStage(event.detail.stage)
              setUpdateCount((count) => count + 1)
            }}
          />
          <OsVenueQueue venue={venue} />
        </>
      )}
    </main>
  )
}
