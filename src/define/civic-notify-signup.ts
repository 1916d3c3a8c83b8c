import { CivicNotifySignup } from '../components/civic-notify-signup/civic-notify-signup.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-notify-signup', CivicNotifySignup);

export { CivicNotifySignup };
