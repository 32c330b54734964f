#pragma once

#include "domain/steptaker.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cp {

// "Acting for": whom the person at the keyboard takes a step of the approval chain for. It lists
// the holders of the step's role (the author first when they hold it, else nobody is chosen), then
// the IC's override, which asks for its reason beside the list. Filled anew for every step, so one
// person clicking Approve again and again passes nothing without saying whom each step is for.
class ActingForBox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActingForBox)

public:
    explicit ActingForBox(QWidget *parent = nullptr);

    // The step's staffing (BusinessRepository::staffing) and who is at the keyboard; the choice is
    // kept while both stay the same. A draft (drafting) is recorded for the only Technical SLT
    // anyway, so that one is chosen; an approval is never chosen for the user.
    void setStaffing(const StepTakers::Staffing &staffing, const QString &author, bool drafting = false);
    // What the store is told: the holder acted for, or the IC's override with its reason.
    StepSigner signer() const;
    // An IC override is chosen and its reason is still empty.
    bool lacksReason() const;

    QComboBox *combo() const { return m_combo; }
    QLineEdit *reasonEdit() const { return m_reason; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showReason();

    QLabel *m_label;
    QComboBox *m_combo;
    QLineEdit *m_reason;
    StepTakers::Staffing m_staffing;
    QString m_author;
    bool m_filled = false;
    bool m_drafting = false;
};

} // namespace cp
