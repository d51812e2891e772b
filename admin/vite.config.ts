import { appViteConfig } from '../web/src/shared/viteAppConfig.ts';

export default appViteConfig({ app: 'admin', defaultPort: 5174 });
