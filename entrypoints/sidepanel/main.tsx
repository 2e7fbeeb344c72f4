import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/side-panel/SidePanelApp';
import { connectPanelStore } from '@/components/side-panel/store';
import '@/components/side-panel/side-panel.css';

connectPanelStore();
createRoot(document.getElementById('root')!).render(<SidePanelApp />);
