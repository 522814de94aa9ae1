import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configure, passwordGrantSource } from 'os-widgets/connection'
import App from './App.tsx'

// ?api=<API base URL>&order=<order id>&venue=<venue id>; the demo guest signs in with the password grant.
const params = new URLSearchParams(location.search)
const apiUrl = params.get('api') ?? location.origin
configure({
  apiUrl,
  tenant: 'demo',
  token: passwordGrantSource({ apiUrl, tenant: 'demo', username: 'guest', password: 'guest' }),
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialOrderId={params.get('order') ?? ''} initialVenue={params.get('venue') ?? 'v1'} />
  </StrictMode>,
)
