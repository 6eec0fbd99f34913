import { RECEIPT_CASE_POLICIES, RECEIPT_CASES, RETURN_RECEIPT_POLICIES, type ReceiptCase, type ReceiptCasePolicy, type ReturnReceiptPolicy } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { SelectField } from '../Field';

const CASE_LABELS = { notInToCc: 'settings.receiptNotInToCc', outsideDomain: 'settings.receiptOutsideDomain', otherCases: 'settings.receiptOtherCases' } as const;
const POLICY_LABELS = { ask: 'settings.receiptCaseAsk', always: 'settings.receiptCaseAlways', never: 'settings.receiptCaseNever' } as const;

/**
 * Thunderbird's Return Receipts: never send one, or allow them for some messages, each of its three cases (not in
 * To or Cc, a sender outside my domain, all others) asked, always sent as the message is shown, or never sent.
 */
export function ReceiptSettings() {
  const t = useT();
  const { settings, update } = useSettings();
  const { returnReceipts, receiptCases } = settings.app;
  const labels: Record<ReturnReceiptPolicy, string> = { ask: t('settings.receiptsAsk'), never: t('settings.receiptsNever') };
  const setCase = (receiptCase: ReceiptCase, policy: ReceiptCasePolicy) => void update({ app: { receiptCases: { ...receiptCases, [receiptCase]: policy } } });
  return (
    <>
      <SelectField<ReturnReceiptPolicy>
        label={t('settings.returnReceipts')}
        value={returnReceipts}
        options={RETURN_RECEIPT_POLICIES.map((value) => ({ value, label: labels[value] }))}
        onChange={(policy) => void update({ app: { returnReceipts: policy } })}
        testId="settings-receipts"
      />
      {returnReceipts === 'ask' && (
        <div className="settings__indented" data-testid="settings-receipt-cases">
          {RECEIPT_CASES.map((receiptCase) => (
            <SelectField<ReceiptCasePolicy>
              key={receiptCase}
              label={t(CASE_LABELS[receiptCase])}
              value={receiptCases[receiptCase]}
              options={RECEIPT_CASE_POLICIES.map((value) => ({ value, label: t(POLICY_LABELS[value]) }))}
              onChange={(policy) => setCase(receiptCase, policy)}
              testId={`settings-receipt-${receiptCase}`}
            />
          ))}
          <p className="settings__hint">{t('settings.receiptElsewhereAsked')}</p>
        </div>
      )}
    </>
  );
}
