// Keeps a long form on the server as it is typed: a moment after each change the whole form is posted to the
// page's draft handler (with its antiforgery token), so a sign-in that expires or a browser that closes loses
// nothing. The server gives the draft back when the form is opened again. Without script, every save keeps it.
const DELAY_MS = 1500

for (const form of document.querySelectorAll('form[data-autosave]')) {
  const status = form.querySelector('[data-autosave-status]')
  let timer = null
  let sending = false
  let again = false

  const say = (text) => { if (status) status.textContent = text }

  const send = async () => {
    if (sending) { again = true; return }
    sending = true
    try {
      const response = await fetch(form.dataset.autosave, { method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual' })
      if (response.ok) {
        say('Your changes are kept as you type (' + new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) + '). Save to add them to the record.')
      } else {
        // A redirect (type "opaqueredirect") means the sign-in has ended: what was kept before is safe.
        say('Your latest changes could not be kept: you may need to sign in again. Copy anything important before you leave this page.')
      }
    } catch {
      say('Your latest changes could not be kept: check your connection. They are still on this page.')
    } finally {
      sending = false
      if (again) { again = false; schedule() }
    }
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(send, DELAY_MS)
  }

  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  // Typing then leaving quickly: keep it now rather than after the delay.
  window.addEventListener('pagehide', () => {
    if (timer) { clearTimeout(timer); navigator.sendBeacon?.(form.dataset.autosave, new FormData(form)) }
  })
  // Submitting the form itself saves it; no draft should race it.
  form.addEventListener('submit', () => { clearTimeout(timer); timer = null })
}
