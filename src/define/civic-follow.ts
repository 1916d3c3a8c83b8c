import { CivicFollow } from '../components/civic-follow/civic-follow.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-follow', CivicFollow);

export { CivicFollow };
