import { createInMemoryStore } from '../../bots/conversation/inMemoryStore';
import { conversationStoreContract } from './support/storeContract';

conversationStoreContract('the in-memory store', async (clock) => createInMemoryStore(() => clock.now));
