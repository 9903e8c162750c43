/**
 * The top-level parameters the `stripe` SDK (API version 2026-10-28.endive) can send to each endpoint,
 * copied from its `*Params` interfaces (test/sdkParams.spec.ts checks they still match). Anything else is
 * rejected with Stripe's `parameter_unknown`; parameters listed in `NOT_IMPLEMENTED` are rejected with a
 * clear "not implemented by stripe-fake" error rather than silently ignored.
 */
const PAGE = ['ending_before', 'expand', 'limit', 'starting_after'];
const LIST = ['created', ...PAGE];
/** Accepted as an alias of `allowed_payment_method_types` (the pre-2026 name), for older integrations. */
const LEGACY_METHOD_TYPES = 'payment_method_types';

export const SDK_PARAMS = {
  'accounts.create': ['account_token', 'business_profile', 'business_type', 'capabilities', 'company', 'controller', 'country', 'default_currency', 'documents', 'email', 'expand', 'external_account', 'groups', 'individual', 'metadata', 'settings', 'tos_acceptance', 'type'],
  'accounts.update': ['account_token', 'business_profile', 'business_type', 'capabilities', 'company', 'default_currency', 'documents', 'email', 'expand', 'external_account', 'groups', 'individual', 'metadata', 'settings', 'tos_acceptance'],
  'accounts.list': [...LIST],
  'accountLinks.create': ['account', 'type', 'collect', 'collection_options', 'expand', 'refresh_url', 'return_url'],
  'customers.create': ['address', 'balance', 'business_name', 'cash_balance', 'description', 'email', 'expand', 'individual_name', 'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'payment_method', 'phone', 'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'tax_id_data', 'test_clock', 'validate'],
  'customers.update': ['address', 'balance', 'business_name', 'cash_balance', 'default_source', 'description', 'email', 'expand', 'individual_name', 'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'phone', 'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'validate'],
  'customers.list': [...LIST, 'email', 'test_clock'],
  'customers.listPaymentMethods': [...PAGE, 'allow_redisplay', 'type'],
  'paymentMethods.create': ['acss_debit', 'affirm', 'afterpay_clearpay', 'alipay', 'allow_redisplay', 'alma', 'amazon_pay', 'au_becs_debit', 'bacs_debit', 'bancontact', 'billie', 'billing_details', 'bizum', 'blik', 'boleto', 'card', 'cashapp', 'crypto', 'custom', 'customer', 'customer_balance', 'eps', 'expand', 'fpx', 'giropay', 'grabpay', 'ideal', 'interac_present', 'kakao_pay', 'klarna', 'konbini', 'kr_card', 'link', 'mb_way', 'metadata', 'mobilepay', 'multibanco', 'naver_pay', 'nz_bank_account', 'oxxo', 'p24', 'pay_by_bank', 'payco', 'payment_method', 'paynow', 'paypal', 'paypay', 'payto', 'pix', 'promptpay', 'radar_options', 'revolut_pay', 'samsung_pay', 'satispay', 'scalapay', 'sepa_debit', 'sequra', 'sofort', 'sunbit', 'swish', 'twint', 'type', 'upi', 'us_bank_account', 'wechat_pay', 'zip'],
  'paymentMethods.update': ['allow_redisplay', 'billing_details', 'card', 'expand', 'metadata', 'us_bank_account'],
  'paymentMethods.attach': ['customer', 'customer_account', 'expand'],
  'paymentMethods.list': [...PAGE, 'allow_redisplay', 'customer', 'customer_account', 'type'],
  'paymentIntents.create': ['amount', 'currency', 'allowed_payment_method_types', 'amount_details', 'application_fee_amount', 'automatic_payment_methods', 'capture_method', 'confirm', 'confirmation_method', 'confirmation_token', 'customer', 'customer_account', 'description', 'error_on_requires_action', 'excluded_payment_method_types', 'expand', 'hooks', 'mandate', 'mandate_data', 'metadata', 'off_session', 'on_behalf_of', 'payment_details', 'payment_method', 'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'radar_options', 'receipt_email', 'return_url', 'setup_future_usage', 'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data', 'transfer_group', 'use_stripe_sdk', LEGACY_METHOD_TYPES],
  'paymentIntents.confirm': ['allowed_payment_method_types', 'amount_details', 'amount_to_confirm', 'capture_method', 'confirmation_token', 'error_on_requires_action', 'excluded_payment_method_types', 'expand', 'hooks', 'mandate', 'mandate_data', 'off_session', 'payment_details', 'payment_method', 'payment_method_data', 'payment_method_options', 'radar_options', 'receipt_email', 'return_url', 'setup_future_usage', 'shipping', 'use_stripe_sdk', LEGACY_METHOD_TYPES],
  'paymentIntents.update': ['allowed_payment_method_types', 'amount', 'amount_details', 'application_fee_amount', 'capture_method', 'currency', 'customer', 'customer_account', 'description', 'excluded_payment_method_types', 'expand', 'hooks', 'metadata', 'payment_details', 'payment_method', 'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'receipt_email', 'setup_future_usage', 'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data', 'transfer_group', LEGACY_METHOD_TYPES],
  'paymentIntents.capture': ['amount_details', 'amount_to_capture', 'application_fee_amount', 'expand', 'final_capture', 'hooks', 'metadata', 'payment_details', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data'],
  'paymentIntents.cancel': ['cancellation_reason', 'expand'],
  'paymentIntents.list': [...LIST, 'customer', 'customer_account'],
  'setupIntents.create': ['allowed_payment_method_types', 'attach_to_self', 'automatic_payment_methods', 'confirm', 'confirmation_token', 'customer', 'customer_account', 'description', 'excluded_payment_method_types', 'expand', 'flow_directions', 'mandate_data', 'metadata', 'on_behalf_of', 'payment_method', 'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'return_url', 'single_use', 'usage', 'use_stripe_sdk', LEGACY_METHOD_TYPES],
  'setupIntents.confirm': ['allowed_payment_method_types', 'confirmation_token', 'expand', 'mandate_data', 'payment_method', 'payment_method_data', 'payment_method_options', 'return_url', 'use_stripe_sdk', LEGACY_METHOD_TYPES],
  'setupIntents.list': [...LIST, 'attach_to_self', 'customer', 'customer_account', 'payment_method'],
  'refunds.create': ['amount', 'charge', 'currency', 'customer', 'expand', 'instructions_email', 'metadata', 'origin', 'payment_intent', 'reason', 'refund_application_fee', 'reverse_transfer'],
  'refunds.list': [...LIST, 'charge', 'payment_intent'],
  'charges.list': [...LIST, 'customer', 'payment_intent', 'transfer_group'],
  'checkout.sessions.create': ['adaptive_pricing', 'after_expiration', 'allow_promotion_codes', 'allowed_payment_method_types', 'automatic_tax', 'billing_address_collection', 'branding_settings', 'cancel_url', 'client_reference_id', 'consent_collection', 'currency', 'custom_fields', 'custom_text', 'customer', 'customer_account', 'customer_creation', 'customer_email', 'customer_update', 'discounts', 'excluded_payment_method_types', 'expand', 'expires_at', 'integration_identifier', 'invoice_creation', 'line_items', 'locale', 'managed_payments', 'metadata', 'mode', 'name_collection', 'optional_items', 'origin_context', 'payment_intent_data', 'payment_method_collection', 'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'permissions', 'phone_number_collection', 'redirect_on_completion', 'return_url', 'saved_payment_method_options', 'setup_intent_data', 'shipping_address_collection', 'shipping_options', 'submit_type', 'subscription_data', 'success_url', 'tax_id_collection', 'ui_mode', 'wallet_options', LEGACY_METHOD_TYPES],
  'checkout.sessions.create.payment_intent_data': ['application_fee_amount', 'capture_method', 'description', 'metadata', 'on_behalf_of', 'receipt_email', 'setup_future_usage', 'shipping', 'statement_descriptor', 'statement_descriptor_suffix', 'transfer_data', 'transfer_group'],
  'checkout.sessions.create.subscription_data': ['application_fee_percent', 'billing_cycle_anchor', 'billing_cycle_anchor_config', 'billing_mode', 'default_tax_rates', 'description', 'invoice_settings', 'metadata', 'on_behalf_of', 'pending_invoice_item_interval', 'proration_behavior', 'transfer_data', 'trial_end', 'trial_period_days', 'trial_settings'],
  'checkout.sessions.update': ['collected_information', 'expand', 'line_items', 'metadata', 'payment_intent_data', 'shipping_options'],
  'checkout.sessions.list': [...LIST, 'customer', 'customer_account', 'customer_details', 'payment_intent', 'payment_link', 'status', 'subscription'],
  'products.create': ['name', 'active', 'default_price_data', 'description', 'expand', 'id', 'images', 'marketing_features', 'metadata', 'package_dimensions', 'shippable', 'statement_descriptor', 'tax_code', 'tax_details', 'type', 'unit_label', 'url'],
  'products.update': ['active', 'default_price', 'description', 'expand', 'images', 'marketing_features', 'metadata', 'name', 'package_dimensions', 'shippable', 'statement_descriptor', 'tax_code', 'tax_details', 'unit_label', 'url'],
  'products.list': [...LIST, 'active', 'ids', 'shippable', 'type', 'url'],
  'prices.create': ['currency', 'active', 'billing_scheme', 'currency_options', 'custom_unit_amount', 'expand', 'lookup_key', 'metadata', 'nickname', 'product', 'product_data', 'recurring', 'tax_behavior', 'tiers', 'tiers_mode', 'transfer_lookup_key', 'transform_quantity', 'unit_amount', 'unit_amount_decimal'],
  'prices.update': ['active', 'currency_options', 'expand', 'lookup_key', 'metadata', 'nickname', 'tax_behavior', 'transfer_lookup_key'],
  'prices.list': [...LIST, 'active', 'currency', 'lookup_keys', 'product', 'recurring', 'type'],
  'subscriptions.create': ['add_invoice_items', 'application_fee_percent', 'automatic_tax', 'backdate_start_date', 'billing_cycle_anchor', 'billing_cycle_anchor_config', 'billing_mode', 'billing_schedules', 'billing_thresholds', 'cancel_at', 'cancel_at_period_end', 'collection_method', 'currency', 'customer', 'customer_account', 'days_until_due', 'default_payment_method', 'default_source', 'default_tax_rates', 'description', 'discounts', 'expand', 'invoice_settings', 'items', 'metadata', 'off_session', 'on_behalf_of', 'payment_behavior', 'payment_settings', 'pending_invoice_item_interval', 'proration_behavior', 'transfer_data', 'trial_end', 'trial_from_plan', 'trial_period_days', 'trial_settings'],
  'subscriptions.update': ['add_invoice_items', 'application_fee_percent', 'automatic_tax', 'billing_cycle_anchor', 'billing_schedules', 'billing_thresholds', 'cancel_at', 'cancel_at_period_end', 'cancellation_details', 'collection_method', 'days_until_due', 'default_payment_method', 'default_source', 'default_tax_rates', 'description', 'discounts', 'expand', 'invoice_settings', 'items', 'metadata', 'off_session', 'on_behalf_of', 'pause_collection', 'payment_behavior', 'payment_settings', 'pending_invoice_item_interval', 'proration_behavior', 'proration_date', 'transfer_data', 'trial_end', 'trial_from_plan', 'trial_settings'],
  'subscriptions.cancel': ['cancellation_details', 'expand', 'invoice_now', 'prorate'],
  'subscriptions.list': [...LIST, 'automatic_tax', 'collection_method', 'current_period_end', 'current_period_start', 'customer', 'customer_account', 'plan', 'price', 'status', 'test_clock'],
  'invoices.list': [...LIST, 'collection_method', 'customer', 'customer_account', 'due_date', 'status', 'subscription'],
  'invoices.pay': ['expand', 'forgive', 'mandate', 'off_session', 'paid_out_of_band', 'payment_method', 'source'],
  'events.list': [...LIST, 'delivery_success', 'type', 'types'],
} as const satisfies Record<string, readonly string[]>;

export type Endpoint = keyof typeof SDK_PARAMS;

/** Parameters the SDK may send but whose behaviour the fake does not model; rejected with a clear message. */
export const NOT_IMPLEMENTED: Partial<Record<Endpoint, readonly string[]>> = {
  'paymentIntents.create': ['confirmation_token'],
  'paymentIntents.confirm': ['confirmation_token'],
  'setupIntents.create': ['confirmation_token'],
  'setupIntents.confirm': ['confirmation_token'],
  'checkout.sessions.create': ['optional_items', 'discounts', 'shipping_options'],
  'checkout.sessions.update': ['line_items', 'payment_intent_data', 'shipping_options'],
  'subscriptions.create': ['add_invoice_items', 'discounts', 'backdate_start_date', 'billing_schedules'],
  'subscriptions.update': ['add_invoice_items', 'discounts', 'billing_schedules', 'pause_collection'],
};
