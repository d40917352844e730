import { render } from 'preact';
import { browser } from 'wxt/browser';
import { glanceDeadlines, readGlanceSnapshot } from '../../storage/glance';
import { afterPaint, glanceProps } from './glance-props';
import { PopupView } from './popup-view';
import '../../components/theme.css';

// The first paint loads no zod and no Dexie: it shows the glance kept in settings (one IndexedDB
// read), then ./live.tsx (Dexie, zod, appeals, messaging) takes over the same view and follows the
// store live, counts again when the kept glance is stale, and acts on the claim in the active tab.
performance.mark('oon:popup-script-start');
const root = document.getElementById('app')!;

void readGlanceSnapshot().then((snapshot) => {
  performance.mark('oon:popup-glance-read');
  const { glance, lastRead, lastClaimNumber } = snapshot;
  render(
    <PopupView
      {...glanceProps(glance, glance ? glanceDeadlines(glance) : undefined, lastRead, lastClaimNumber)}
      updating={false}
      onCopy={() => undefined}
      onFill={() => undefined}
      onOpenSidePanel={() => void import('./live').then((m) => m.openSidePanel())}
      dashboardUrl={browser.runtime.getURL('/dashboard.html')}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
  afterPaint(() => {
    if (glance) performance.mark('oon:popup-content');
    void import('./live').then((m) => m.start(root, snapshot));
  });
});
