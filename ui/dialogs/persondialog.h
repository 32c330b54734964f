#pragma once

#include "domain/roster.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace cp {

class IncidentStore;
class StoreWriter;

// Adds a person to the roster or edits one. Saving goes through the store; a refusal (a
// handle already taken, a missing name) shows in the dialog, which stays open.
class PersonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonDialog)

public:
    PersonDialog(const StoreWriter &writer, const Person &person, QWidget *parent = nullptr);

    Person person() const;
    qint64 savedPersonId() const { return m_savedId; }
    void accept() override;

private:
    const StoreWriter &m_writer;
    IncidentStore &m_store;
    Person m_original;
    qint64 m_savedId = 0;
    QLineEdit *m_name;
    QLineEdit *m_handle;
    QLineEdit *m_team;
    QComboBox *m_department;
    QLineEdit *m_contact;
    QLineEdit *m_trained;
    QCheckBox *m_trainee;
    QLabel *m_error;
};

} // namespace cp
