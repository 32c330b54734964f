<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cp::IncidentStore</name>
    <message numerus="yes">
        <source>Logging %n entries</source>
        <translation>
            <numerusform>Logging %n entry</numerusform>
            <numerusform>Logging %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Role structure: %1 (%n role(s))</source>
        <translation>
            <numerusform>Role structure: %1 (%n role)</numerusform>
            <numerusform>Role structure: %1 (%n roles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %1 under %2 (%n role(s))</source>
        <translation>
            <numerusform>Added %1 under %2 (%n role)</numerusform>
            <numerusform>Added %1 under %2 (%n roles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timer snoozed for %n min: “%1”</source>
        <translation>
            <numerusform>Timer snoozed for %n min: “%1”</numerusform>
            <numerusform>Timer snoozed for %n min: “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n missed period(s) skipped</source>
        <translation>
            <numerusform> — %n missed period skipped</numerusform>
            <numerusform> — %n missed periods skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RoleChartDock</name>
    <message numerus="yes">
        <source>Assign %n people</source>
        <translation>
            <numerusform>Assign %n person</numerusform>
            <numerusform>Assign %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::RosterDock</name>
    <message numerus="yes">
        <source>Imported %n people from %1</source>
        <translation>
            <numerusform>Imported %n person from %1</numerusform>
            <numerusform>Imported %n people from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n departments from %1</source>
        <translation>
            <numerusform>Imported %n department from %1</numerusform>
            <numerusform>Imported %n departments from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::TimelineModel</name>
    <message numerus="yes">
        <source>Amended %n time(s)</source>
        <translation>
            <numerusform>Amended once</numerusform>
            <numerusform>Amended %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cp::cli::CheckCommand</name>
    <message numerus="yes">
        <source>%1 is damaged: %n problem(s) found, the first: %2</source>
        <translation>
            <numerusform>%1 is damaged: %n problem found: %2</numerusform>
            <numerusform>%1 is damaged: %n problems found, the first: %2</numerusform>
        </translation>
    </message>
</context>
</TS>
