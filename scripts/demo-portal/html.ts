/** Escapes text for HTML: the demo pages are built from data, never from markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f3f5f8;color:#1d2733}
.av-top{background:#0b3d6b;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:baseline}
.av-nav{background:#fff;border-bottom:1px solid #d8dee6;padding:8px 20px;display:flex;gap:18px}
.av-nav a{color:#0b5cab;text-decoration:none;font-weight:600}
main{padding:16px 20px;max-width:1280px}
.av-breadcrumb{color:#5b6775;font-size:12px;margin-bottom:8px}
.av-card{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:16px 20px;margin-bottom:16px}
h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:0 0 10px}
.av-status{font-size:12px;background:#e7f1fb;color:#0b5cab;border-radius:10px;padding:2px 8px;margin-left:8px;vertical-align:middle}
.av-summary{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px 24px;margin:0}
.av-summary dt{font-size:12px;color:#5b6775}.av-summary dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13px}
th{background:#eef2f6;text-align:left;padding:6px 8px;border-bottom:1px solid #d8dee6;white-space:nowrap}
td{padding:6px 8px;border-bottom:1px solid #edf0f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.av-button,button{display:inline-block;background:#0b5cab;color:#fff;border:0;border-radius:4px;padding:7px 14px;text-decoration:none;font-weight:600}
label{display:block;font-weight:600;margin-bottom:4px}
input,select,textarea{font:inherit;padding:6px;border:1px solid #b8c2cc;border-radius:4px;min-width:320px}
.av-hint{color:#5b6775}
`;

/** A whole demo page. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body>${body}</body></html>`;
}
