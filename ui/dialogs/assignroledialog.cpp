#include "assignroledialog.h"

#include "widgets/dialogkeys.h"

#include "db/incidentstore.h"
#include "widgets/kindstyle.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace cp {

AssignRoleDialog::AssignRoleDialog(IncidentStore &store, const QList<IncidentRole> &roles, Mode mode, Apply apply,
                                   QWidget *parent)
    : QDialog(parent), m_store(store), m_roles(roles), m_mode(mode), m_apply(std::move(apply)),
      m_role(new QComboBox(this)), m_person(new QLineEdit(this)), m_hint(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("assignRoleDialog"));
    setWindowTitle(mode == Mode::Assign ? tr("Assign a role") : tr("Hand a role over"));
    m_role->setObjectName(QStringLiteral("assignRoleCombo"));
    for (const IncidentRole &role : m_roles) {
        QString label = role.definition.title;
        if (!role.subTeam.isEmpty() && !label.contains(role.subTeam))
            label = tr("%1 (%2)").arg(label, role.subTeam);
        if (role.isVacantRequired())
            label += tr(" — vacant");
        m_role->addItem(label, role.definition.key);
    }
    m_role->setEnabled(mode == Mode::Assign);

    m_person->setObjectName(QStringLiteral("assignPersonEdit"));
    m_person->setPlaceholderText(tr("Handle or name"));
    QStringList names;
    if (auto people = m_store.roster().people()) {
        for (const Person &person : *people)
            names << person.handle << person.name;
    }
    auto *completer = new QCompleter(names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_person->setCompleter(completer);
    DialogKeys::acceptOnCompletion(completer, this); // one Enter picks the person and assigns

    m_hint->setObjectName(QStringLiteral("assignHint"));
    m_hint->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("assignError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Assign ? tr("Assign") : tr("Hand over"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Person:"), m_person);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AssignRoleDialog::accept);
    connect(m_person, &QLineEdit::textEdited, this, [this] { m_confirmedCommander = 0; });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AssignRoleDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &AssignRoleDialog::updateHint);
    // The first vacant required role is the likeliest one to fill.
    for (int i = 0; i < m_roles.size(); ++i) {
        if (m_roles.at(i).isVacantRequired()) {
            m_role->setCurrentIndex(i);
            break;
        }
    }
    updateHint();
    m_person->setFocus();
}

void AssignRoleDialog::setRole(const QString &roleKey)
{
    const int index = m_role->findData(roleKey);
    if (index >= 0)
        m_role->setCurrentIndex(index);
    updateHint();
}

QString AssignRoleDialog::roleKey() const
{
    return m_role->currentData().toString();
}

void AssignRoleDialog::updateHint()
{
    const int index = m_role->currentIndex();
    if (index < 0 || index >= m_roles.size()) {
        m_hint->clear();
        return;
    }
    const IncidentRole &role = m_roles.at(index);
    QStringList holders;
    for (const RoleHolder &holder : role.holders)
        holders << holder.name;
    if (holders.isEmpty())
        m_hint->setText(role.definition.description.isEmpty() ? tr("Nobody holds this role yet.")
                                                              : role.definition.description);
    else if (!role.definition.multipleHolders)
        m_hint->setText(tr("Held by %1; the person you name takes it over.").arg(holders.join(QStringLiteral(", "))));
    else
        m_hint->setText(tr("Held by %1; the person you name joins them.").arg(holders.join(QStringLiteral(", "))));
}

void AssignRoleDialog::accept()
{
    const int index = m_role->currentIndex();
    const QString typed = m_person->text().trimmed();
    if (index < 0 || typed.isEmpty()) {
        m_error->setText(tr("Name a role and a person."));
        m_error->show();
        return;
    }
    auto person = m_store.roster().findPerson(typed);
    if (!person) {
        m_error->setText(tr("Not assigned: %1").arg(person.error().message()));
        m_error->show();
        return;
    }
    // Handing over command is one keystroke away from the Scribe's Ctrl+R: the first Enter says
    // what would happen, the second does it.
    const IncidentRole &role = m_roles.at(index);
    if (role.definition.key == QLatin1String("ic") && !role.holders.isEmpty() && !role.definition.multipleHolders &&
        role.holders.first().personId != person->id && m_confirmedCommander != person->id) {
        m_confirmedCommander = person->id;
        m_error->setText(tr("This hands command from %1 to %2. Press Enter again to hand over, Esc to keep it.")
                             .arg(role.holders.first().name, person->name));
        m_error->show();
        return;
    }
    const StoreError error = m_apply(role, *person);
    if (!error.ok()) {
        m_error->setText(tr("Not assigned: %1").arg(error.message()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace cp
