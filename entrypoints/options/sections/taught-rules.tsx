import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type TaughtRuleRow, TeachRuleList } from '../../../components/TeachRuleList';
import { useSubscription } from '../../../components/use-subscription';
import { audit } from '../../../storage/audit';
import {
  builtInRuleFor,
  exportTaughtRules,
  importTaughtRules,
  listTaughtRules,
  removeTaughtRule,
  saveTaughtRule,
} from '../../../storage/taught-rules';
import { db } from '../env';

async function rows(): Promise<TaughtRuleRow[]> {
  const records = await listTaughtRules(db);
  const origins = (await browser.permissions.getAll()).origins ?? [];
  return records.map((r) => ({ ...r, granted: origins.includes(`${r.origin}/*`) }));
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Portals the biller taught, and sites added for the generic reader. Import validates every rule with
 * the portal rule schema before anything is stored; a file with one bad rule imports nothing.
 */
export function TaughtRulesSection() {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ text: string; errors?: string[] }>();
  const [site, setSite] = useState('');
  const list = useSubscription<TaughtRuleRow[]>(
    (next, fail) => {
      const sub = liveQuery(rows).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [version],
  );
  const all = list.value ?? [];

  // Called straight from a click: the permission prompt needs the user's gesture.
  const allow = (origin: string) => {
    void browser.permissions.request({ origins: [`${origin}/*`] }).then((ok) => {
      setMessage({
        text: ok ? `OON Guard may now read ${new URL(origin).host}.` : 'Permission was not given.',
      });
      setVersion((v) => v + 1);
    });
  };

  const addSite = () => {
    let origin: string;
    try {
      const u = new URL(site.includes('://') ? site : `https://${site}`);
      if (u.protocol !== 'https:') throw new Error('https only');
      origin = u.origin;
    } catch {
      setMessage({ text: 'Type the portal address, for example https://provider.example.com' });
      return;
    }
    const builtIn = builtInRuleFor(origin);
    if (builtIn) {
      setMessage({ text: `${new URL(origin).host} is already read by the built-in rule "${builtIn.name}".` });
      return;
    }
    allow(origin);
  };

  const onImport = async (file: File) => {
    const result = await importTaughtRules(db, await file.text(), new Date().toISOString());
    if (!result.ok) {
      setMessage({ text: `Nothing was imported from ${file.name}:`, errors: result.errors });
      return;
    }
    await audit(db, 'import', `taught portal rules, ${result.count} rules`);
    setMessage({
      text: `Imported ${result.count} rule${result.count === 1 ? '' : 's'} from ${file.name}. Allow each site below to start reading it.`,
    });
    setVersion((v) => v + 1);
  };

  const onExport = async () => {
    const text = exportTaughtRules(
      all.map((r) => r.rule),
      new Date().toISOString(),
    );
    await audit(db, 'export', `taught portal rules, ${all.length} rules`);
    download('oon-guard-taught-rules.json', text);
  };

  return (
    <section aria-labelledby="taught-title">
      <h2 id="taught-title">Portals you taught</h2>
      <p class="muted">
        Rules you made with "Teach this page", and sites you let OON Guard read with its generic reader.
        Built-in portal rules always come first; a taught rule is never used on a built-in portal.
      </p>
      {message && (
        <div
          class={message.errors ? 'notice notice-error' : 'notice'}
          role={message.errors ? 'alert' : 'status'}
          data-testid="taught-message"
        >
          <p>{message.text}</p>
          {message.errors && (
            <ul>
              {message.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TeachRuleList
        rows={all}
        onRemove={(id) => void removeTaughtRule(db, id).then(() => setVersion((v) => v + 1))}
        onAllow={allow}
        onSaveEdit={async (id, json) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(json);
          } catch (e) {
            return [`Not JSON: ${e instanceof Error ? e.message : String(e)}`];
          }
          if ((parsed as { id?: unknown })?.id !== id) return [`id: keep the id "${id}"`];
          const saved = await saveTaughtRule(db, parsed, new Date().toISOString());
          if (!saved.ok) return saved.errors;
          setVersion((v) => v + 1);
          return [];
        }}
      />
      <p class="row">
        <button
          type="button"
          class="secondary"
          disabled={all.length === 0}
          onClick={() => void onExport()}
          data-testid="taught-export"
        >
          Export rules as JSON
        </button>
        <label class="button secondary">
          Import rules from JSON
          <input
            type="file"
            accept="application/json,.json"
            data-testid="taught-import"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void onImport(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      <h3>Add a portal for the generic reader</h3>
      <p class="row">
        <label>
          Portal address
          <input
            type="url"
            value={site}
            placeholder="https://provider.example.com"
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={addSite} data-testid="add-site">
          Allow OON Guard to read it
        </button>
      </p>
    </section>
  );
}
