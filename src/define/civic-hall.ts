import { CivicHall } from '../components/civic-hall/civic-hall.js';
import { defineElement } from '../core/define.js';

defineElement('civic-hall', CivicHall);

export { CivicHall };
