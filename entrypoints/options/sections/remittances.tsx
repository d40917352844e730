import { useState } from 'preact/hooks';
import { RemittanceImport, type RemittanceReport } from '../../../components/RemittanceImport';
import { describeStorageError } from '../../../storage/errors';
import { importRemittances } from '../../../storage/imports/era835';
import { loadScorer } from '../../../storage/scoring';
import { countGlanceAgain } from '../../dashboard/count-glance';
import { db, localDate } from '../env';

const MB = 1024 * 1024;

export function RemittanceSection() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ readMB: number; totalMB: number; claimsSaved: number }>();
  const [reports, setReports] = useState<RemittanceReport[]>([]);
  const [error, setError] = useState<string>();
  const onFiles = async (files: File[]) => {
    setBusy(true);
    setError(undefined);
    setReports([]);
    try {
      const scorer = await loadScorer(db, localDate());
      // Files are read a slice at a time: a 50 MB remittance is never held whole, nor all its claims.
      const result = await importRemittances(
        db,
        files.map((blob) => ({ name: blob.name, blob })),
        scorer,
        new Date().toISOString(),
        // Reading is counted in bytes of the files: shown in whole MB.
        ({ read, total, claimsSaved }) =>
          setProgress({
            readMB: Math.floor(read / MB),
            totalMB: Math.max(1, Math.ceil(total / MB)),
            claimsSaved,
          }),
      );
      setReports(result);
      // The popup's glance is counted again off this page, so it opens on the imported claims.
      if (result.some((r) => r.ok && r.claimCount > 0)) countGlanceAgain(localDate());
    } catch (e) {
      setError(describeStorageError(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  return (
    <RemittanceImport
      busy={busy}
      progress={progress}
      reports={reports}
      error={error}
      onFiles={(f) => void onFiles(f)}
    />
  );
}
