import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { LiveSocketKey } from '@shared/liveSocket';
import { apolloClient, liveSocket } from './apollo';
import { router } from './router';
import '@shared/base.css';
import './styles.css';

createApp(App).provide(DefaultApolloClient, apolloClient).provide(LiveSocketKey, liveSocket).use(router).mount('#app');
