export const USAGE = `oon: check out-of-network payments from saved portal pages and 835 remittances

Usage:
  npm run oon -- score [options] FILE...
  npm run oon -- appeal --claim NUMBER [--template NAME] [--profile JSON] [options] FILE...
  npm run oon -- review --medicare-rvu CSV --medicare-gpci CSV [options] FILE...
  npm run oon -- --help

FILE is a saved portal page (.html, .htm) or an 835 remittance (.835, .edi, .txt).

Pricing options (score, appeal and review):
  --schedule CSV        fee schedule (code,modifier,amount); repeatable, the first is active,
                        the others are used by name (file name without .csv) in the policy
  --medicare-rvu CSV    CMS PPRRVU file (with --medicare-gpci)
  --medicare-gpci CSV   CMS GPCI file (with --medicare-rvu)
  --locality ID         Medicare locality for percent-of-medicare: 01182-18 or a name
  --ucr CSV             UCR percentile table (code,modifier,region,p50,p80 ...)
  --region ZIP          the practice's UCR region or geozip
  --policy JSON         payer policies: which method prices each payer's lines
  --as-of YYYY-MM-DD    date deadlines count from (default: today)
  --json                print JSON instead of the table

Appeal options:
  --claim NUMBER        payer claim number (case, spaces and dashes ignored)
  --template NAME       letter template (default: the most relevant one for the claim)
  --profile JSON        practice profile for the letterhead and signature

Review: coding checks from the Medicare indicators for each claim; with --schedule and
--locality (and --ucr/--region) the charge review of the schedule; denial patterns.

Exit status: 0 every input read, 1 an input could not be read (or no such claim), 2 usage error.
`;
