// Starts every GOV.UK Frontend component on the page (error summary focus, double-click prevention, menus).
// Loaded with type="module", so browsers GOV.UK Frontend does not support skip it and get the no-JS experience.
import { initAll } from '/govuk/govuk-frontend.min.js'

initAll()
