import { CivicForm } from '../components/civic-form/civic-form.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-form', CivicForm);

export { CivicForm };
