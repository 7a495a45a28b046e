/** The folder of the migrated embedded database each browser test's server copies (global-setup.ts). */
export const E2E_TEMPLATE_ENV = 'DEMARCHE_E2E_TEMPLATE';
