/**
 * Renderer tests run beside the database and server suites on two cores: antd's animations and
 * form validation can take longer than Testing Library's 1 s default to settle, so wait longer
 * before calling an element missing (a real absence still fails, just later).
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 8_000 });
