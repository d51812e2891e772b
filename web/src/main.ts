import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { apolloClient } from './apollo';
import { router } from './router';
import '@shared/base.css';
import './styles.css';

createApp(App).provide(DefaultApolloClient, apolloClient).use(router).mount('#app');
