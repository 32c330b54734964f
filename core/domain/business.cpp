#include "business.h"

namespace cp {

namespace {

struct DepartmentRule
{
    QString key;
    QStringList aliases; // other keys or names a directory may use
};

const QList<DepartmentRule> &departmentRules()
{
    static const QList<DepartmentRule> rules{
        {QStringLiteral("engineering"), {QStringLiteral("eng"), QStringLiteral("sre"), QStringLiteral("operations")}},
        {QStringLiteral("support"),
         {QStringLiteral("customer-support"), QStringLiteral("customer-success"), QStringLiteral("success"),
          QStringLiteral("customer support")}},
        {QStringLiteral("marketing"),
         {QStringLiteral("pr"), QStringLiteral("public-relations"), QStringLiteral("communications"),
          QStringLiteral("comms")}},
        {QStringLiteral("product"), {QStringLiteral("product-management"), QStringLiteral("design")}},
        {QStringLiteral("executive"),
         {QStringLiteral("exec"), QStringLiteral("executives"), QStringLiteral("leadership"),
          QStringLiteral("executive team")}},
        {QStringLiteral("sales"), {}},
        {QStringLiteral("hr"),
         {QStringLiteral("human-resources"), QStringLiteral("people"), QStringLiteral("human resources")}},
        {QStringLiteral("finance"), {QStringLiteral("billing"), QStringLiteral("accounting")}},
        {QStringLiteral("legal"), {QStringLiteral("counsel")}},
    };
    return rules;
}

} // namespace

QString BusinessVocabulary::stateKey(BusinessState s)
{
    switch (s) {
    case BusinessState::Emergency:
        return QStringLiteral("emergency");
    case BusinessState::Restoring:
        return QStringLiteral("restoring");
    case BusinessState::Normal:
        return QStringLiteral("normal");
    }
    return {};
}

std::optional<BusinessState> BusinessVocabulary::stateFromKey(const QString &key)
{
    for (BusinessState s : {BusinessState::Emergency, BusinessState::Restoring, BusinessState::Normal}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString BusinessVocabulary::stateLabel(BusinessState s)
{
    switch (s) {
    case BusinessState::Emergency:
        return tr("Emergency operations");
    case BusinessState::Restoring:
        return tr("Returning to normal");
    case BusinessState::Normal:
        return tr("Normal operations");
    }
    return {};
}

QStringList BusinessVocabulary::allAudiences()
{
    return {QStringLiteral("internal"), QStringLiteral("strategic"), QStringLiteral("customers"),
            QStringLiteral("media"), QStringLiteral("social")};
}

QStringList BusinessVocabulary::defaultAudiences()
{
    return {QStringLiteral("internal"), QStringLiteral("strategic"), QStringLiteral("customers")};
}

QString BusinessVocabulary::audienceLabel(const QString &key)
{
    if (key == QLatin1String("internal"))
        return tr("Internal stakeholders");
    if (key == QLatin1String("strategic"))
        return tr("Strategic customers");
    if (key == QLatin1String("customers"))
        return tr("All customers");
    if (key == QLatin1String("media"))
        return tr("Media");
    if (key == QLatin1String("social"))
        return tr("Social");
    return key;
}

QString BusinessVocabulary::senderRoleKey(const QString &audience)
{
    return audience == QLatin1String("strategic") ? QStringLiteral("business-customer-liaison")
                                                  : QStringLiteral("marketing-officer");
}

qint64 BusinessVocabulary::updateIntervalMs(const QString &audience)
{
    return (audience == QLatin1String("internal") ? 30 : 20) * 60 * 1000LL;
}

QStringList BusinessVocabulary::allPhases()
{
    return {QStringLiteral("investigation"), QStringLiteral("identification"), QStringLiteral("monitoring"),
            QStringLiteral("resolution")};
}

QString BusinessVocabulary::phaseLabel(const QString &key)
{
    if (key == QLatin1String("investigation"))
        return tr("Investigation");
    if (key == QLatin1String("identification"))
        return tr("Identification");
    if (key == QLatin1String("monitoring"))
        return tr("Monitoring");
    if (key == QLatin1String("resolution"))
        return tr("Resolution");
    return key;
}

QString BusinessVocabulary::phaseForStatus(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return QStringLiteral("investigation");
    case IncidentStatus::Identified:
        return QStringLiteral("identification");
    case IncidentStatus::Monitoring:
        return QStringLiteral("monitoring");
    case IncidentStatus::Resolved:
        return QStringLiteral("resolution");
    }
    return {};
}

QList<MessageStep> BusinessVocabulary::chain()
{
    return {MessageStep::Draft,       MessageStep::LegalReview,     MessageStep::MessagingReview,
            MessageStep::EltApproval, MessageStep::IcAuthorisation, MessageStep::Send};
}

StepVerdict Message::verdictFor(MessageStep step, StepVerdict asked)
{
    if (step == MessageStep::Send)
        return StepVerdict::Done;
    return asked == StepVerdict::ChangesRequested ? StepVerdict::ChangesRequested : StepVerdict::Approved;
}

MessageStep Message::waitingAfter(MessageStep step, StepVerdict recorded)
{
    if (recorded == StepVerdict::ChangesRequested)
        return MessageStep::Draft;
    return BusinessVocabulary::nextStep(step).value_or(MessageStep::Sent);
}

QString BusinessVocabulary::roleTitle(const QString &roleKey)
{
    if (roleKey == QLatin1String("marketing-officer"))
        return tr("Marketing Officer");
    for (MessageStep s : BusinessVocabulary::chain()) {
        if (BusinessVocabulary::stepRoleKey(s) == roleKey)
            return BusinessVocabulary::stepRoleTitle(s);
    }
    if (roleKey == QLatin1String("social-officer"))
        return tr("Social Officer");
    if (roleKey == QLatin1String("media-officer"))
        return tr("Media Officer");
    if (roleKey == QLatin1String("business-customer-liaison"))
        return tr("Customer Liaison");
    return roleKey;
}

std::optional<MessageStep> BusinessVocabulary::nextStep(MessageStep s)
{
    if (s == MessageStep::Sent)
        return std::nullopt;
    return static_cast<MessageStep>(static_cast<int>(s) + 1);
}

QString BusinessVocabulary::stepKey(MessageStep s)
{
    switch (s) {
    case MessageStep::Draft:
        return QStringLiteral("draft");
    case MessageStep::LegalReview:
        return QStringLiteral("legal-review");
    case MessageStep::MessagingReview:
        return QStringLiteral("messaging-review");
    case MessageStep::EltApproval:
        return QStringLiteral("elt-approval");
    case MessageStep::IcAuthorisation:
        return QStringLiteral("ic-authorisation");
    case MessageStep::Send:
        return QStringLiteral("send");
    case MessageStep::Sent:
        return QStringLiteral("sent");
    }
    return {};
}

std::optional<MessageStep> BusinessVocabulary::stepFromKey(const QString &key)
{
    for (int i = 0; i <= static_cast<int>(MessageStep::Sent); ++i) {
        if (stepKey(static_cast<MessageStep>(i)) == key)
            return static_cast<MessageStep>(i);
    }
    return std::nullopt;
}

QString BusinessVocabulary::stepLabel(MessageStep s)
{
    switch (s) {
    case MessageStep::Draft:
        return tr("Draft");
    case MessageStep::LegalReview:
        return tr("Legal review");
    case MessageStep::MessagingReview:
        return tr("Messaging review");
    case MessageStep::EltApproval:
        return tr("ELT approval");
    case MessageStep::IcAuthorisation:
        return tr("IC authorisation");
    case MessageStep::Send:
        return tr("Send");
    case MessageStep::Sent:
        return tr("Sent");
    }
    return {};
}

QString BusinessVocabulary::stepRoleKey(MessageStep s)
{
    switch (s) {
    case MessageStep::Draft:
        return QStringLiteral("technical-slt");
    case MessageStep::LegalReview:
        return QStringLiteral("legal-officer");
    case MessageStep::MessagingReview:
        return QStringLiteral("messaging-officer");
    case MessageStep::EltApproval:
        return QStringLiteral("elt-approver");
    case MessageStep::IcAuthorisation:
        return QStringLiteral("ic");
    case MessageStep::Send:
    case MessageStep::Sent:
        return QStringLiteral("marketing-officer");
    }
    return {};
}

QString BusinessVocabulary::stepRoleTitle(MessageStep s)
{
    switch (s) {
    case MessageStep::Draft:
        return tr("Technical SLT");
    case MessageStep::LegalReview:
        return tr("Legal Officer");
    case MessageStep::MessagingReview:
        return tr("Messaging Officer");
    case MessageStep::EltApproval:
        return tr("ELT Approver");
    case MessageStep::IcAuthorisation:
        return tr("Incident Commander");
    case MessageStep::Send:
    case MessageStep::Sent:
        return tr("Marketing Officer or Customer Liaison");
    }
    return {};
}

QString BusinessVocabulary::verdictKey(StepVerdict v)
{
    switch (v) {
    case StepVerdict::Done:
        return QStringLiteral("done");
    case StepVerdict::Approved:
        return QStringLiteral("approved");
    case StepVerdict::ChangesRequested:
        return QStringLiteral("changes");
    }
    return {};
}

std::optional<StepVerdict> BusinessVocabulary::verdictFromKey(const QString &key)
{
    for (StepVerdict v : {StepVerdict::Done, StepVerdict::Approved, StepVerdict::ChangesRequested}) {
        if (verdictKey(v) == key)
            return v;
    }
    return std::nullopt;
}

QList<NewActivity> BusinessVocabulary::defaultActivities()
{
    const QString marketing = QStringLiteral("marketing-officer");
    const QString social = QStringLiteral("social-officer");
    return {
        {tr("Paid advertising"), marketing},
        {tr("Email blasts"), marketing},
        {tr("Outbound calling campaigns"), marketing},
        {tr("Paid social campaigns"), marketing},
        {tr("Promotional content on the web site"), marketing},
        {tr("Scheduled social posts"), social},
    };
}

QList<BriefingQuestion> BusinessVocabulary::briefingQuestions()
{
    return {
        {QStringLiteral("started"), tr("When did the technical incident begin?")},
        {QStringLiteral("trigger"), tr("Which failure set the incident off?")},
        {QStringLiteral("affected-now"), tr("How many customers are affected right now?")},
        {QStringLiteral("affected-worst"), tr("How many customers could be affected at worst?")},
        {QStringLiteral("services"), tr("Which business services are hit?")},
        {QStringLiteral("customer-view"), tr("What does a customer notice when using the product?")},
        {QStringLiteral("next-update"), tr("When is the next news from the technical incident expected?")},
        {QStringLiteral("other"), tr("Anything else the business should know?")},
    };
}

QString BusinessVocabulary::briefingQuestion(const QString &key)
{
    for (const BriefingQuestion &q : briefingQuestions()) {
        if (q.key == key)
            return q.text;
    }
    return {};
}

QStringList BusinessVocabulary::requiredDepartments(IncidentKind kind, Severity severity)
{
    const int sev = static_cast<int>(severity);
    QStringList keys{QStringLiteral("engineering"), QStringLiteral("support")}; // responders, the customer's voice
    // Brand at risk, or public updates through mass email or the blog.
    if (sev <= 2 || kind == IncidentKind::Business || kind == IncidentKind::PublicRelations)
        keys << QStringLiteral("marketing");
    // Product functionality hit across services: which service comes back first.
    if (sev <= 2)
        keys << QStringLiteral("product");
    // Keep leadership informed (and away from swoops).
    if (sev <= 2 || kind != IncidentKind::Technical)
        keys << QStringLiteral("executive");
    // Demos and customer conversations.
    if (sev <= 3)
        keys << QStringLiteral("sales");
    // Employee safety, internal attackers.
    if (kind == IncidentKind::Security)
        keys << QStringLiteral("hr");
    // Billing, accounting, end of month or quarter.
    if (sev <= 2)
        keys << QStringLiteral("finance");
    // Material damage: counsel early.
    if (sev == 1 || kind != IncidentKind::Technical)
        keys << QStringLiteral("legal");
    return keys;
}

QString BusinessVocabulary::canonicalDepartment(const Department &department)
{
    const QString key = department.key.trimmed().toLower();
    const QString name = department.name.trimmed().toLower();
    for (const DepartmentRule &rule : departmentRules()) {
        if (key == rule.key || name == rule.key || rule.aliases.contains(key) || rule.aliases.contains(name))
            return rule.key;
    }
    return {};
}

bool BusinessVocabulary::mustBeTold(const Department &department, IncidentKind kind, Severity severity)
{
    const QString canonical = canonicalDepartment(department);
    return !canonical.isEmpty() && requiredDepartments(kind, severity).contains(canonical);
}

QString BusinessVocabulary::departmentReason(const Department &department)
{
    const QString key = canonicalDepartment(department);
    if (key == QLatin1String("engineering"))
        return tr("primary responders");
    if (key == QLatin1String("support"))
        return tr("the voice of the customer");
    if (key == QLatin1String("marketing"))
        return tr("brand at risk, public updates");
    if (key == QLatin1String("product"))
        return tr("what to bring back first");
    if (key == QLatin1String("executive"))
        return tr("leadership kept informed");
    if (key == QLatin1String("sales"))
        return tr("demos and account conversations");
    if (key == QLatin1String("hr"))
        return tr("employee safety");
    if (key == QLatin1String("finance"))
        return tr("billing and period-end");
    if (key == QLatin1String("legal"))
        return tr("material damage, liability");
    return {};
}

QStringList BusinessVocabulary::inboundChannels()
{
    return {QStringLiteral("media"), QStringLiteral("social")};
}

QString BusinessVocabulary::inboundOwnerRoleKey(const QString &channel)
{
    return channel == QLatin1String("media") ? QStringLiteral("media-officer") : QStringLiteral("social-officer");
}

} // namespace cp
