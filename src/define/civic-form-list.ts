import { CivicFormList } from '../components/civic-form-list/civic-form-list.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-form-list', CivicFormList);

export { CivicFormList };
