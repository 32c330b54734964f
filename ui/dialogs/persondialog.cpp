#include "persondialog.h"

#include "db/incidentstore.h"
#include "session/storewriter.h"
#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

PersonDialog::PersonDialog(const StoreWriter &writer, const Person &person, QWidget *parent)
    : QDialog(parent), m_writer(writer), m_store(writer.store()), m_original(person),
      m_name(new QLineEdit(person.name, this)), m_handle(new QLineEdit(person.handle, this)),
      m_team(new QLineEdit(person.team, this)), m_department(new QComboBox(this)),
      m_contact(new QLineEdit(person.contact, this)),
      m_trained(new QLineEdit(person.trainedRoles.join(QStringLiteral(", ")), this)),
      m_trainee(new QCheckBox(tr("Trainee: shadows calls, never the only holder of a required role"), this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(person.id > 0 ? tr("Edit %1").arg(person.name) : tr("Add a person"));
    m_name->setObjectName(QStringLiteral("personName"));
    m_handle->setObjectName(QStringLiteral("personHandle"));
    m_handle->setPlaceholderText(tr("what people type: ana"));
    m_team->setObjectName(QStringLiteral("personTeam"));
    m_department->setObjectName(QStringLiteral("personDepartment"));
    m_department->addItem(tr("(none)"), QString());
    if (auto departments = m_store.roster().departments()) {
        for (const Department &department : *departments)
            m_department->addItem(department.name, department.key);
    }
    m_department->setCurrentIndex(std::max(0, m_department->findData(person.departmentKey)));
    m_contact->setObjectName(QStringLiteral("personContact"));
    m_trained->setObjectName(QStringLiteral("personTrained"));
    m_trained->setPlaceholderText(tr("role keys, comma separated: ic, deputy, scribe"));
    m_trainee->setObjectName(QStringLiteral("personTrainee"));
    m_trainee->setChecked(person.trainee);
    m_error->setObjectName(QStringLiteral("personError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Handle:"), m_handle);
    form->addRow(tr("&Team:"), m_team);
    form->addRow(tr("&Department:"), m_department);
    form->addRow(tr("&Contact:"), m_contact);
    form->addRow(tr("T&rained for:"), m_trained);
    form->addRow(QString(), m_trainee);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    connect(buttons, &QDialogButtonBox::accepted, this, &PersonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PersonDialog::reject);
}

Person PersonDialog::person() const
{
    Person person = m_original;
    person.name = m_name->text().trimmed();
    person.handle = m_handle->text().trimmed();
    person.team = m_team->text().trimmed();
    person.departmentKey = m_department->currentData().toString();
    person.contact = m_contact->text().trimmed();
    person.trainedRoles.clear();
    const QStringList keys = m_trained->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &key : keys) {
        if (!key.trimmed().isEmpty())
            person.trainedRoles << key.trimmed();
    }
    person.trainee = m_trainee->isChecked();
    return person;
}

void PersonDialog::accept()
{
    const Person edited = person();
    if (edited.name.isEmpty() || edited.handle.isEmpty()) {
        m_error->setText(tr("A person needs a name and a handle."));
        m_error->show();
        return;
    }
    const StoreError error = m_writer.write([&]() -> StoreError {
        if (edited.id > 0) {
            m_savedId = edited.id;
            return m_store.roster().updatePerson(edited);
        }
        auto added = m_store.roster().addPerson(edited);
        if (added)
            m_savedId = *added;
        return added.error();
    });
    if (!error.ok()) {
        m_error->setText(tr("Not saved: %1").arg(error.message()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace cp
