/** The picker's styles, inside its shadow root: nothing leaks into the portal, nothing leaks in. */
export const PICKER_STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.highlight { position: fixed; display: none; pointer-events: none; z-index: 2147483646;
  border: 2px solid #0b57a4; background: rgba(11, 87, 164, 0.12); border-radius: 3px; }
.panel { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; width: 380px; max-height: 80vh;
  overflow: auto; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b2430;
  background: #fff; border: 1px solid #c9d1da; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.2);
  padding: 10px 12px; }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
h2 { font-size: 15px; margin: 0; }
h3 { font-size: 13px; margin: 6px 0 2px; }
.hint, .status { color: #5a6573; margin: 6px 0; }
.status:empty { display: none; }
.meta { display: grid; gap: 6px; margin-bottom: 6px; }
label { display: grid; gap: 2px; font-weight: 600; font-size: 12px; }
input, select { font: inherit; font-weight: 400; padding: 3px 6px; border: 1px solid #b8c2cc; border-radius: 4px; }
ul { margin: 0; padding: 0; list-style: none; }
.targets li { display: grid; grid-template-columns: 1fr 1.3fr auto auto; gap: 6px; align-items: center;
  padding: 3px 0; border-bottom: 1px solid #eef1f4; }
.targets li.table-row { border-top: 2px solid #dde3ea; margin-top: 4px; }
.state { color: #5a6573; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.state.set { color: #1d6b3a; }
button { font: inherit; font-weight: 600; border-radius: 4px; padding: 3px 10px; cursor: pointer;
  background: #0b57a4; color: #fff; border: 1px solid #0b57a4; }
button.secondary { background: #fff; color: #0b57a4; }
button.link { background: none; border: 0; color: #5a6573; text-decoration: underline; padding: 0 2px; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #0b57a4; outline-offset: 2px; }
.preview { margin: 8px 0; padding: 6px 8px; border-radius: 6px; background: #fff4dc; }
.preview.ok { background: #e8f5ec; }
.preview li { font-size: 12px; }
`;
