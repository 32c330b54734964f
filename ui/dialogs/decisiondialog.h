#pragma once

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cp {

class IncidentSession;

// Records a decision: the proposal, whether "Are there any strong objections?" was asked and what
// came of it, the outcome and who decided. Saved by the store on OK; a refusal shows in the dialog,
// which stays open.
class DecisionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionDialog)

public:
    DecisionDialog(IncidentSession &session, const QString &commander, QWidget *parent = nullptr);

    qint64 decisionId() const { return m_decisionId; }
    void accept() override;

private:
    IncidentSession &m_session;
    qint64 m_decisionId = 0;
    QPlainTextEdit *m_proposal;
    QButtonGroup *m_check;
    QLineEdit *m_objections;
    QComboBox *m_outcome;
    QLineEdit *m_decidedBy;
    QLabel *m_error;
};

} // namespace cp
