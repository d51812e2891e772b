import { appViteConfig } from './src/shared/viteAppConfig.ts';

export default appViteConfig({ app: 'web', defaultPort: 5173 });
