export { progressBar, type ProgressBar } from './progress';
