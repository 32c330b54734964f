#include "newincidentdialog.h"

#include "db/incidentstore.h"
#include "widgets/kindstyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

NewIncidentDialog::NewIncidentDialog(IncidentStore &store, const QString &author, QWidget *parent)
    : QDialog(parent), m_store(store), m_author(author), m_title(new QLineEdit(this)), m_severity(new QComboBox(this)),
      m_kind(new QComboBox(this)), m_summary(new QPlainTextEdit(this)), m_error(new QLabel(this)),
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
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewIncidentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewIncidentDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &NewIncidentDialog::updateButtons);
    updateButtons();
}

NewIncident NewIncidentDialog::incident() const
{
    NewIncident incident;
    incident.title = m_title->text().trimmed();
    incident.summary = m_summary->toPlainText().trimmed();
    incident.severity = static_cast<Severity>(m_severity->currentData().toInt());
    incident.kind = static_cast<IncidentKind>(m_kind->currentData().toInt());
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
    auto created = m_store.createIncident(incident(), m_author);
    if (!created) {
        m_error->setText(tr("Not declared: %1").arg(created.error().message()));
        m_error->show();
        return;
    }
    m_createdId = *created;
    QDialog::accept();
}

} // namespace cp
