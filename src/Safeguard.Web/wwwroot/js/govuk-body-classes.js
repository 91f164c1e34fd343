// GOV.UK Frontend's page template runs this inline at the top of <body>. It lives in a file here so the
// Content-Security-Policy needs no 'unsafe-inline'; it is a classic (blocking) script so there is no flash of unstyled components.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
