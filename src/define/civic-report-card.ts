import { CivicReportCard } from '../components/civic-report-card/civic-report-card.js';
import { defineElement } from '../core/define.js';
import '../core/open311-backend.js';
import '../api/open311-statistics.js';
import './civic-hall.js';

defineElement('civic-report-card', CivicReportCard);

export { CivicReportCard };
