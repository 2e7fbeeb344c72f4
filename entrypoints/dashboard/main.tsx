import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { prefetchDashboard } from '@/components/dashboard/prefetch';
import { resolvePeriod } from '@/lib/insight/period';
import '@/components/dashboard/dashboard.css';

// The default period (近7天) is asked for at once; the app takes this answer when it first draws.
prefetchDashboard(resolvePeriod('7d', Date.now())!);
createRoot(document.getElementById('root')!).render(<DashboardApp />);
