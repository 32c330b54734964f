#pragma once

#include "domain/incident.h"
#include "domain/roletemplate.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cp {

class IncidentStore;
class StoreWriter;

// Declares a new incident: title, severity, kind, summary and the response structure it
// starts with (a role template, technical response by default; a business incident may add
// the business response under the IC). Accepting creates it through
// the store; a refusal is shown in the dialog, which stays open with everything typed.
class NewIncidentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewIncidentDialog)

public:
    explicit NewIncidentDialog(const StoreWriter &writer, QWidget *parent = nullptr);
    // The templates offered; without this call the built-in and user templates are loaded.
    void setTemplates(const QList<RoleTemplate> &templates);

    NewIncident incident() const;
    qint64 createdIncidentId() const { return m_createdId; }

    void accept() override;

private:
    void updateButtons();
    void updateBusinessOption();
    std::optional<RoleTemplate> chosenTemplate(const QString &key) const;

    const StoreWriter &m_writer;
    IncidentStore &m_store;
    qint64 m_createdId = 0;
    QLineEdit *m_title;
    QComboBox *m_severity;
    QComboBox *m_kind;
    QPlainTextEdit *m_summary;
    QComboBox *m_template;
    QCheckBox *m_business;
    QList<RoleTemplate> m_templates;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cp
