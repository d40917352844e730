export {
  CATEGORY_INFO,
  CATEGORY_LABEL,
  type CategoryInfo,
  categorizeAdjustment,
  categorizeRemark,
} from './categories';
export { CARC_CATEGORY, RARC_CATEGORY } from './category-table';
export { carcStopDate, describeCarc, describeRarc, rarcStopDate } from './describe';
