// Decap starts by itself unless told otherwise; handbok-cms.js starts it once our file formats are registered.
window.CMS_MANUAL_INIT = true;
