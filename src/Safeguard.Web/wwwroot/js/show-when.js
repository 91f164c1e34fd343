// Shows a block only while a select elsewhere on the page has one of the given values, for example the agency
// only for a professional source. GOV.UK's conditional reveals work for radios and checkboxes, not selects.
// Without script every block stays visible, and the server ignores values that do not apply.
for (const block of document.querySelectorAll('[data-app-show-when]')) {
  const select = document.getElementById(block.dataset.appShowWhen)
  if (!select) continue
  const values = block.dataset.appValues.split(' ')
  const sync = () => { block.hidden = !values.includes(select.value) }
  select.addEventListener('change', sync)
  sync()
}
