#pragma once

#include "db/storeerror.h"
#include "domain/incidentrole.h"
#include "domain/roster.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cp {

class IncidentStore;

// Puts someone into a role from the keyboard: pick the role (type to jump), type a person's
// handle or name (completed from the roster), Enter. In hand-over mode the role is fixed and
// the person typed takes it over. The work is done by the callback (an undoable command);
// a refusal shows in the dialog, which stays open with what was typed.
class AssignRoleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignRoleDialog)

public:
    enum class Mode
    {
        Assign,
        HandOver
    };
    using Apply = std::function<StoreError(const IncidentRole &role, const Person &person)>;

    AssignRoleDialog(IncidentStore &store, const QList<IncidentRole> &roles, Mode mode, Apply apply,
                     QWidget *parent = nullptr);

    void setRole(const QString &roleKey);
    QString roleKey() const;
    QLineEdit *personEdit() const { return m_person; }

    void accept() override;

private:
    void updateHint();

    IncidentStore &m_store;
    QList<IncidentRole> m_roles;
    Mode m_mode;
    Apply m_apply;
    QComboBox *m_role;
    QLineEdit *m_person;
    QLabel *m_hint;
    QLabel *m_error;
    qint64 m_confirmedCommander = 0; // the person a hand-over of command was confirmed for
    QDialogButtonBox *m_buttons;
};

} // namespace cp
