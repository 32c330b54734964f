#pragma once

#include "domain/incident.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cp {

class IncidentStore;

// Declares a new incident: title, severity, kind and summary. Accepting creates it through
// the store; a refusal is shown in the dialog, which stays open with everything typed.
class NewIncidentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewIncidentDialog)

public:
    NewIncidentDialog(IncidentStore &store, const QString &author, QWidget *parent = nullptr);

    NewIncident incident() const;
    qint64 createdIncidentId() const { return m_createdId; }

    void accept() override;

private:
    void updateButtons();

    IncidentStore &m_store;
    QString m_author;
    qint64 m_createdId = 0;
    QLineEdit *m_title;
    QComboBox *m_severity;
    QComboBox *m_kind;
    QPlainTextEdit *m_summary;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cp
