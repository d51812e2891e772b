import type { GlobalThemeOverrides } from 'naive-ui';

/**
 * One indigo brand for both apps (hover/pressed shades from the same Tailwind-style scale), so staff
 * recognise it. `density: 'compact'` gives the console its tighter corners and menu rows.
 */
export function themeOverrides({ density = 'comfortable' }: { density?: 'comfortable' | 'compact' } = {}): GlobalThemeOverrides {
  const compact = density === 'compact';
  return {
    common: {
      primaryColor: '#4f46e5',
      primaryColorHover: '#6366f1',
      primaryColorPressed: '#4338ca',
      primaryColorSuppl: '#6366f1',
      borderRadius: compact ? '6px' : '8px',
      fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    },
    Button: { fontWeight: '600' },
    Card: { borderRadius: compact ? '10px' : '12px' },
    ...(compact ? { Menu: { itemHeight: '40px' } } : {}),
  };
}
