#include "newincidentdialog.h"

#include "db/incidentstore.h"
#include "session/storewriter.h"
#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

NewIncidentDialog::NewIncidentDialog(const StoreWriter &writer, QWidget *parent)
    : QDialog(parent), m_writer(writer), m_store(writer.store()), m_title(new QLineEdit(this)),
      m_severity(new QComboBox(this)), m_kind(new QComboBox(this)), m_summary(new QPlainTextEdit(this)),
      m_template(new QComboBox(this)), m_business(new QCheckBox(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newIncidentDialog"));
    setWindowTitle(tr("Declare an incident"));
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    m_title->setPlaceholderText(tr("What is broken, in a few words"));
    m_severity->setObjectName(QStringLiteral("incidentSeverity"));
    for (Severity s : IncidentVocabulary::allSeverities())
        m_severity->addItem(KindStyle::swatch(KindStyle::severityColor(s)), IncidentVocabulary::severityLabel(s),
                            static_cast<int>(s));
    m_severity->setCurrentIndex(m_severity->findData(static_cast<int>(Severity::Sev2)));
    m_kind->setObjectName(QStringLiteral("incidentKind"));
    for (IncidentKind k : IncidentVocabulary::allKinds())
        m_kind->addItem(IncidentVocabulary::kindLabel(k), static_cast<int>(k));
    m_summary->setObjectName(QStringLiteral("incidentSummary"));
    m_summary->setPlaceholderText(tr("Impact so far: who is affected, since when (optional)"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 4 + 12);
    m_template->setObjectName(QStringLiteral("incidentTemplate"));
    m_template->setToolTip(tr("The roles the incident starts with; more can be added during the call"));
    m_business->setObjectName(QStringLiteral("incidentBusinessResponse"));
    m_business->setText(tr("Also staff the &business response under the IC"));
    m_business->setChecked(true);
    m_error->setObjectName(QStringLiteral("newIncidentError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Declare"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("S&ummary:"), m_summary);
    form->addRow(tr("&Roles:"), m_template);
    form->addRow(QString(), m_business);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewIncidentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewIncidentDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &NewIncidentDialog::updateButtons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewIncidentDialog::updateBusinessOption);
    connect(m_template, &QComboBox::currentIndexChanged, this, &NewIncidentDialog::updateBusinessOption);
    setTemplates(RoleTemplateLibrary().templates());
    updateButtons();
}

void NewIncidentDialog::setTemplates(const QList<RoleTemplate> &templates)
{
    m_templates = templates;
    m_template->clear();
    for (const RoleTemplate &t : templates)
        m_template->addItem(t.name, t.key);
    m_template->addItem(tr("No roles yet"), QString());
    const int technical = m_template->findData(QStringLiteral("technical-response"));
    m_template->setCurrentIndex(technical >= 0 ? technical : 0);
    updateBusinessOption();
}

std::optional<RoleTemplate> NewIncidentDialog::chosenTemplate(const QString &key) const
{
    for (const RoleTemplate &t : m_templates) {
        if (t.key == key)
            return t;
    }
    return std::nullopt;
}

void NewIncidentDialog::updateBusinessOption()
{
    // A business incident also offers the business tree (seed 000) under the technical IC.
    const bool business = static_cast<IncidentKind>(m_kind->currentData().toInt()) == IncidentKind::Business;
    const QString key = m_template->currentData().toString();
    m_business->setVisible(business && key != QStringLiteral("business-response") &&
                           chosenTemplate(QStringLiteral("business-response")).has_value() &&
                           chosenTemplate(key).has_value() && chosenTemplate(key)->role(QStringLiteral("ic")));
}

NewIncident NewIncidentDialog::incident() const
{
    NewIncident incident;
    incident.title = m_title->text().trimmed();
    incident.summary = m_summary->toPlainText().trimmed();
    incident.severity = static_cast<Severity>(m_severity->currentData().toInt());
    incident.kind = static_cast<IncidentKind>(m_kind->currentData().toInt());
    incident.roles = chosenTemplate(m_template->currentData().toString());
    return incident;
}

void NewIncidentDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_title->text().trimmed().isEmpty());
}

void NewIncidentDialog::accept()
{
    if (m_title->text().trimmed().isEmpty())
        return;
    const QString author = m_writer.author();
    const NewIncident declared = incident();
    auto created = m_writer.write([&] { return m_store.incidents().create(declared, author); });
    if (!created) {
        m_error->setText(tr("Not declared: %1").arg(created.error().message()));
        m_error->show();
        return;
    }
    m_createdId = *created;
    if (!m_business->isHidden() && m_business->isChecked()) {
        if (const auto business = chosenTemplate(QStringLiteral("business-response"))) {
            // The incident is declared; a refusal here only leaves the business roles out.
            const StoreError error = m_writer.write(
                [&] { return m_store.roles().applyTemplate(m_createdId, *business, QStringLiteral("ic"), author); });
            if (!error.ok())
                qWarning("Business response not added: %s", qPrintable(error.message()));
        }
    }
    QDialog::accept();
}

} // namespace cp
