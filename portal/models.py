"""Every table, imported once so ``SQLModel.metadata`` is complete for Alembic and tests."""

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.models import UserRole
from portal.engagement.models import (
    Comment,
    ModerationDecision,
    SubmissionBucket,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from portal.geography.models import District
from portal.indicators.models import Indicator, IndicatorValue
from portal.inventory.models import Dataset, Department, SharingPractice
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.oversight.models import AgendaItem, Meeting, Packet
from portal.requests.models import InformationRequest
from sqlmodel import SQLModel

metadata = SQLModel.metadata

__all__ = [
    "AgendaItem", "AuditEvent", "Comment", "Dataset", "Department", "DeploymentLocation",
    "District", "Indicator", "IndicatorValue", "InformationRequest", "Meeting",
    "ModerationDecision", "NoticeVersion", "Packet", "RecordVersion", "SharingPractice",
    "SubmissionBucket",
    "SurveillanceTechnology", "Survey", "SurveyAnswer", "SurveyQuestion", "SurveyResponse",
    "UserRole", "metadata",
]
