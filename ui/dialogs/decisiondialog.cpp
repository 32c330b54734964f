#include "decisiondialog.h"

#include "db/incidentstore.h"
#include "session/incidentsession.h"
#include "widgets/kindstyle.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cp {

DecisionDialog::DecisionDialog(IncidentSession &session, const QString &commander, QWidget *parent)
    : QDialog(parent), m_session(session), m_proposal(new QPlainTextEdit(this)), m_check(new QButtonGroup(this)),
      m_objections(new QLineEdit(this)), m_outcome(new QComboBox(this)), m_decidedBy(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("decisionDialog"));
    setWindowTitle(tr("Record a decision"));
    m_proposal->setObjectName(QStringLiteral("proposalEdit"));
    m_proposal->setTabChangesFocus(true);
    m_proposal->setPlaceholderText(tr("What was proposed: roll back checkout to 4.12"));
    m_proposal->setFixedHeight(m_proposal->fontMetrics().height() * 4);

    auto *notAsked = new QRadioButton(tr("&Not asked"), this);
    notAsked->setObjectName(QStringLiteral("objectionsNotAsked"));
    auto *none = new QRadioButton(tr("&Asked — no strong objections"), this);
    none->setObjectName(QStringLiteral("objectionsNone"));
    auto *raised = new QRadioButton(tr("Objections &raised:"), this);
    raised->setObjectName(QStringLiteral("objectionsRaised"));
    m_check->addButton(notAsked, static_cast<int>(ObjectionCheck::NotAsked));
    m_check->addButton(none, static_cast<int>(ObjectionCheck::NoneRaised));
    m_check->addButton(raised, static_cast<int>(ObjectionCheck::Raised));
    // Nothing chosen: "no strong objections" is recorded only when someone says so.
    m_objections->setObjectName(QStringLiteral("objectionsEdit"));
    m_objections->setPlaceholderText(tr("who objected, and why"));
    m_objections->setEnabled(false);
    connect(raised, &QRadioButton::toggled, m_objections, &QWidget::setEnabled);

    m_outcome->setObjectName(QStringLiteral("outcomeCombo"));
    for (DecisionOutcome o : {DecisionOutcome::Adopted, DecisionOutcome::Rejected, DecisionOutcome::Deferred})
        m_outcome->addItem(ActionVocabulary::outcomeLabel(o), static_cast<int>(o));
    m_decidedBy->setObjectName(QStringLiteral("decidedByEdit"));
    m_decidedBy->setText(commander.isEmpty() ? session.author() : commander);
    m_error->setObjectName(QStringLiteral("decisionError"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, KindStyle::errorColor());
    m_error->setPalette(palette);

    auto *checks = new QVBoxLayout;
    checks->addWidget(new QLabel(tr("“Are there any strong objections?”"), this));
    checks->addWidget(notAsked);
    checks->addWidget(none);
    auto *raisedRow = new QHBoxLayout;
    raisedRow->addWidget(raised);
    raisedRow->addWidget(m_objections, 1);
    checks->addLayout(raisedRow);

    auto *form = new QFormLayout;
    form->addRow(tr("&Proposal:"), m_proposal);
    form->addRow(checks);
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("Decided &by:"), m_decidedBy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DecisionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DecisionDialog::reject);
    // The objections check is in the Tab order after the proposal, one stop per choice.
    setTabOrder(m_proposal, notAsked);
    setTabOrder(notAsked, none);
    setTabOrder(none, raised);
    setTabOrder(raised, m_objections);
    setTabOrder(m_objections, m_outcome);
    setTabOrder(m_outcome, m_decidedBy);
    resize(520, sizeHint().height());
}

void DecisionDialog::accept()
{
    NewDecision d;
    d.incidentId = m_session.incidentId();
    d.proposal = m_proposal->toPlainText();
    if (m_check->checkedId() < 0) {
        m_error->setText(tr("Say whether strong objections were asked for (Alt+N, Alt+A or Alt+R)."));
        m_check->buttons().constFirst()->setFocus(Qt::OtherFocusReason);
        return;
    }
    d.objectionCheck = static_cast<ObjectionCheck>(m_check->checkedId());
    if (d.objectionCheck == ObjectionCheck::Raised)
        d.objections = m_objections->text();
    d.outcome = static_cast<DecisionOutcome>(m_outcome->currentData().toInt());
    d.decidedBy = m_decidedBy->text();
    const QString author = m_session.author();
    auto id = m_session.write([&] { return m_session.store().rollCalls().addDecision(d, author); });
    if (!id) {
        m_error->setText(id.error().message());
        return;
    }
    m_decisionId = *id;
    QDialog::accept();
}

} // namespace cp
